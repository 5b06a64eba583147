# Raising an exception class without arguments prints only its name.
print("raising")
raise NotImplementedError
