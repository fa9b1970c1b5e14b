"""Output writers: terminal and machine formats (formats.py) and the HTML report site."""
