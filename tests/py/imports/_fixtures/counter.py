print("counter runs its code once")
count = 0
