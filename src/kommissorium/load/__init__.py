"""YAML to plain data plus a source map. The only package that knows YAML."""

from kommissorium.load.yaml import LoadedDocument, SourceMap, load_file, load_text

__all__ = ["LoadedDocument", "SourceMap", "load_file", "load_text"]
