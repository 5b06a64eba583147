print("broken starts")
partial = 1
raise ValueError("broken on purpose")
