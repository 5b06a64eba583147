# `from __future__ import …` imports the __future__ module from krait's library directory.
from __future__ import annotations, division
import __future__

print(annotations.getMandatoryRelease(), division)
print(__future__.all_feature_names[-1], __future__.annotations.compiler_flag == annotations.compiler_flag)
print(sorted(__future__.__all__)[:3])
