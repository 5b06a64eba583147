print("leaf of a namespace package:", __name__, __package__)
