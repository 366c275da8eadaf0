"""reader: a keyboard-first terminal reader for Markdown articles.

Importing this package is cheap on purpose: the command line decides what to
load (Textual only for the interactive reader).
"""
