"""Evidence bundles (`.pstib`): one signed file from which an assessment can be run again.

`build` makes one, `reverify` checks one and runs it again, `compare` holds the compared
form of an assessment, `archive` reads hostile zip files safely, `dsse` signs and checks
the in-toto attestation, and `manifest` is the versioned manifest with its JSON Schema.
"""
