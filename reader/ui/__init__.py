"""The Textual user interface. Only the interactive reader imports this."""
