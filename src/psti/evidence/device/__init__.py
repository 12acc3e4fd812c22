"""Device probing: does the product itself accept published default credentials?

A test lab or an officer connects a product to an isolated network; `psti probe` finds
its network login surfaces and tries, politely and within bounds, the credentials that
matter for Schedule 1 para 1: those found in the product's own firmware, the corpus
entries that match its fingerprint, then the generic corpus. Every attempt is recorded
(`record.py`), so the result is evidence for a case file, not a list of hits.

Modules: `targets` (which addresses may be probed), `discover` (what listens and how it
authenticates), `protocols/` (one small client per login protocol), `plan` (which
credentials, in which order, how many), `runner` (rate, lock-out, the run), `record`
(the append-only log), `findings` and `collector` (evidence for an assessment).
"""
