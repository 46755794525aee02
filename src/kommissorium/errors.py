"""The one error type a user sees: a Danish message and the exit code it ends with.

Every error the user can act on (bad paths, broken configuration, unknown git revision, a
template folder that does not exist, a missing Graphviz) is a ``KommissoriumError`` or a
subclass; the one guard in ``kommissorium.commands`` prints ``fejl: <message>`` on standard
error and exits with ``exit_code``. Stages raise them; no command translates them by hand.
"""

from __future__ import annotations


class KommissoriumError(Exception):
    """A user error: ``str(exc)`` is the Danish message, ``exit_code`` the process's exit code."""

    exit_code: int = 2

    def __init__(self, message: str, exit_code: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        if exit_code is not None:
            self.exit_code = exit_code


class UsageError(KommissoriumError):
    """Bad paths, arguments or configuration (exit code 2)."""
