"""Learning: pure functions and values, no I/O, no clock (``now`` is passed in).

Where a signal becomes evidence, in reading order:

1. :mod:`.detect` reads the :mod:`.signals` a request carries (edits, regenerations, choices,
   follow-ups, acceptance) by comparing it with the user's recent responses; :mod:`.edits` and
   :mod:`.style` measure what an edit changed; :mod:`.followup` reads what users write.
2. :mod:`.evidence` turns each signal (and explicit feedback) into an observation with weighted
   evidence deltas (``observe``, ``feedback``).
3. :mod:`.selfmodel` adds the deltas to the user's self-model (``increments``, ``SelfModel.add``);
   :mod:`.confidence` turns evidence into confidence.
"""
