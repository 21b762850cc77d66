"""Command-line tools of the project (python -m roadmap.tools.<name>)."""
