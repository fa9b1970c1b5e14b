"""Renditions of one story compared with each other (TR601–TR603).

`summary` reduces each document to what its sentences say (content words, names, numbers,
negation, polarity); `stories` groups the documents that tell one story; `alignment` pairs each
sentence with its counterparts in the other renditions; `disagreements` finds the sentences that
say something else than their counterparts agree on. `analysis.Renditions` runs all of it once per
run for the three checks, which only pick their kinds of disagreement (`report` turns one into a
finding)."""
