"""The ground floor: configuration and the contracts the stages share.

`core.config` (environment settings), `core.sources` (the site registry),
`core.rundir` (the run directory's paths and its atomic JSON/JSON Lines I/O),
`core.records` (the records handed between stages) and `core.wording` (counts as people
read them: "1 article", "2 articles"). It imports nothing else of the project; every other
package may import it (docs/ARCHITECTURE.md).
"""
