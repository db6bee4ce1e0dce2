"""votelib's D'Hondt over every zone of a law.md JSON file (the reference of bench/scale.py)."""

import json
import sys

import votelib.evaluate.proportional as proportional

with open(sys.argv[1]) as f:
    doc = json.load(f)
dhondt = proportional.HighestAverages("d_hondt")
seats = {}
for zone in doc["zones"]:
    won = dhondt.evaluate({p: v for p, v in zone["votes"].items() if v > 0}, zone["seats"])
    for party, n in won.items():
        # A seat votelib cannot give (a tie at the last seat) comes back keyed by a Tie.
        key = party if isinstance(party, str) else "tie"
        seats[key] = seats.get(key, 0) + n
print(json.dumps(seats, sort_keys=True))
