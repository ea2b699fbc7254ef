"""``python -m hadath``: the same command as ``hadath``."""
from .cli import main

main()
