# An uncaught JSONDecodeError is named with its module, as CPython prints it.
import json

print(json.loads("[1, 2]"))
json.loads("{'single': 'quotes'}")
