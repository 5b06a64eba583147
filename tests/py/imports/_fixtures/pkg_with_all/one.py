print("pkg_with_all.one imported by star")
ONE = 1
