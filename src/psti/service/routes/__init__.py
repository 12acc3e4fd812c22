"""The service's routes, one module per area; each has an `api` router (JSON, `/api/v1`) and a
`pages` router (HTML), and `psti.service.app` includes them. Shared request helpers are in
`psti.service.deps`; the work itself is in the area's library module (`psti.registry.products`, …).
"""
