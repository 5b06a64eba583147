# A TypeError from mixing int and str, uncaught.
count = 3
print("count is", count)
message = "total: " + count
