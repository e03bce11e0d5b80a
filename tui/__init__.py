"""The terminal side of postil: the Textual reader and the command line.

Importing this package does not import Textual; only the reader does.
"""

__version__ = "0.1.0"
