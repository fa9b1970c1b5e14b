"""Translation checks that compare renditions of one story across the corpus."""

CHECKS = []
