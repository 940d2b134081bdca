"""The ground floor: configuration and the contracts the stages share.

`core.config` (environment settings), `core.sources` (the site registry),
`core.rundir` (the run directory's paths and its atomic JSON/JSON Lines I/O) and
`core.records` (the records handed between stages). It imports nothing else of the
project; every other package may import it (docs/ARCHITECTURE.md).
"""
