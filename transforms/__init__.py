"""Pure page -> Article transforms. Which code the metric rules run (compiled or their source) is
decided here, once, before any of them is imported (transforms/native.py)."""
from transforms import native

CODE = native.select_code()  # "compiled (mypyc ...)" or "pure Python (why)"
