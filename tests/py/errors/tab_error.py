# A block indented with a tab and then with eight spaces: ambiguous, so TabError.
print("never runs")
if True:
	x = 1
        y = 2
