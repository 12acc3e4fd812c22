"""The registry as a library: products, statements, keys, catalogue checks and reports over `psti.store`."""
