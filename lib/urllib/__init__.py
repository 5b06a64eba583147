"""URL handling; krait has `urllib.parse`."""
