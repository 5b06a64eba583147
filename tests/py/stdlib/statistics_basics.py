import statistics
from fractions import Fraction
from statistics import (StatisticsError, correlation, covariance, fmean, geometric_mean,
                        harmonic_mean, linear_regression, mean, median, median_grouped,
                        median_high, median_low, mode, multimode, pstdev, pvariance,
                        quantiles, stdev, variance)


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__ + ":", e)


data = [2.75, 1.75, 1.25, 0.25, 0.5, 1.25, 3.5]
print(mean([1, 2, 3, 4, 4]), mean([1, 2, 3, 4]), mean([-1.0, 2.5, 3.25, 5.75]), mean(data))
print(repr(mean([1, 2, 3])), repr(mean([Fraction(3, 7), Fraction(1, 21), Fraction(5, 3)])), mean([0.1] * 10), mean(range(1, 101)))
print(mean([1e300, 1e300, -1e300]), mean([0.1, 0.2, 0.3, 0.4]), mean([True, False, True]), mean(iter([3, 4])))
print(fmean([3.5, 4.0, 5.25]), fmean(iter([1, 2, 3])), fmean([1, 2, 3], weights=[3, 2, 1]), fmean([0.1] * 10))
print(geometric_mean([54, 24, 36]), harmonic_mean([40, 60]), harmonic_mean([2.5, 3, 10]), harmonic_mean([5]), harmonic_mean([1, 0, 3]))
print(harmonic_mean([40, 60], weights=[5, 30]), harmonic_mean([Fraction(1, 2), Fraction(1, 3)]))
print(median([1, 3, 5]), median([1, 3, 5, 7]), median([5, 1, 4, 2]), median([1.5, 2.5]), median(["b", "a", "c"]))
print(median_low([1, 3, 5, 7]), median_high([1, 3, 5, 7]), median_low([1, 3, 5]), median_high([1, 3, 5]))
print(median_grouped([52, 52, 53, 54]), median_grouped([1, 3, 3, 5, 7]), median_grouped([1, 2, 2, 3, 4, 4, 4, 4, 4, 5]))
print(median_grouped([1, 3, 3, 5, 7], interval=2), median_grouped([5]), median_grouped([2.5, 3.5, 3.5, 4.5]))
print(mode([1, 1, 2, 3, 3, 3, 3, 4]), mode(["red", "blue", "blue", "red", "green", "red", "red"]), mode([1, 2, 2, 1]))
print(multimode("aabbbbccddddeeffffgg"), multimode(""), multimode([1, 1, 2, 2]))
print(variance(data), variance([1, 2, 3, 4]), variance([Fraction(1, 4), Fraction(5, 4), Fraction(1, 2)]), variance([1, 1]))
print(pvariance([0.0, 0.25, 0.25, 1.25, 1.5, 1.75, 2.75, 3.25]), pvariance([1, 2, 3, 4]), pvariance([5]), pvariance([1, 2], mu=1.5))
print(stdev([1.5, 2.5, 2.5, 2.75, 3.25, 4.75]), stdev([1, 2, 3, 4]), stdev([2, 4]), stdev([1, 2, 3], xbar=2))
print(pstdev([1.5, 2.5, 2.5, 2.75, 3.25, 4.75]), pstdev([1, 2, 3, 4]), pstdev([2]), pstdev([0.1, 0.2, 0.3]))
print(variance([0.1, 0.2, 0.3]), stdev([0.1, 0.2, 0.3]), variance([1e9 + 1, 1e9 + 2, 1e9 + 3]), stdev([10 ** 20, 10 ** 20 + 1]))
print(mean([1, float("inf")]), variance([1, float("nan")]))
print(quantiles([105, 129, 87, 86, 111, 111, 89, 81, 108, 92, 110, 100, 75, 105, 103, 109, 76, 119, 99, 91, 103, 129, 106, 101, 84, 111, 74, 87, 86, 103, 103, 106, 86, 111, 75, 87, 102, 121, 111, 88, 89, 101, 106, 95, 103, 107, 101, 81, 109, 104], n=10))
print(quantiles([1, 2, 3, 4, 5]), quantiles([1, 2, 3, 4, 5], method="inclusive"), quantiles([1.5, 2.5], n=3), quantiles([1, 2], n=1))
x = [1, 2, 3, 4, 5, 6, 7, 8, 9]
y = [1, 2, 3, 1, 2, 3, 1, 2, 3]
print(covariance(x, y), correlation(x, y), correlation(x, x), correlation(x, x[::-1]), covariance(x, [2 * v for v in x]))
lr = linear_regression([1972, 1979, 1980, 1982, 1983, 1987, 1988], [1, 2, 3, 4, 5, 6, 7])
print(lr, round(lr.slope * 2019 + lr.intercept), linear_regression([1, 2, 3], [2, 4, 6], proportional=True))
for f in [mean, fmean, median, median_low, median_high, median_grouped, mode, variance, pvariance, stdev, pstdev, harmonic_mean, geometric_mean]:
    show(f.__name__ + "([])", lambda: f([]))
show("variance one", lambda: variance([1]))
show("stdev one", lambda: stdev([1]))
show("geometric negative", lambda: geometric_mean([1, -1]))
show("harmonic negative", lambda: harmonic_mean([1, -1]))
show("quantiles n=0", lambda: quantiles([1, 2], n=0))
show("quantiles one point", lambda: quantiles([1]))
show("quantiles method", lambda: quantiles([1, 2], method="x"))
show("covariance lengths", lambda: covariance([1, 2], [1]))
show("correlation constant", lambda: correlation([1, 1, 1], [1, 2, 3]))
show("regression constant", lambda: linear_regression([1, 1], [1, 2]))
show("mean str", lambda: mean(["a"]))
show("median_grouped str", lambda: median_grouped(["a", "b"]))
show("coerce", lambda: mean([Fraction(1), 1.5, __import__("fractions").Fraction(1, 2)]))
print(issubclass(StatisticsError, ValueError))
values = [((i * 7919) % 1000) / 7.0 for i in range(500)]
print(mean(values), median(values), stdev(values), pstdev(values), variance(values), quantiles(values, n=5))
ints = [(i * 104729) % 997 for i in range(300)]
print(mean(ints), median(ints), stdev(ints), variance(ints), pvariance(ints), mode(ints), fmean(ints))
nd = statistics.NormalDist(100, 15)
print(nd, nd.mean, nd.stdev, nd.variance, round(nd.cdf(115), 12), round(nd.pdf(100), 12), nd + 5, nd * 2, nd.zscore(130))
print(statistics.NormalDist.from_samples([2.5, 3.1, 2.1, 2.4, 2.7, 3.5]))
