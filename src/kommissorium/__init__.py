"""kommissorium: charters-as-code for Danish public governance bodies."""

__version__ = "0.2.0"
