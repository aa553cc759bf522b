#!/usr/bin/python3
"""Reference cluster scores from scikit-learn for ClusterScoresTest.

Writes a small fixed data set, a few fixed labellings, and scikit-learn's silhouette, Davies-Bouldin and
Calinski-Harabasz scores for each, into emms-analytics' test resources. The simplified silhouette is not in
scikit-learn; it is computed here with numpy from its definition (a = distance to own centroid, b = distance to the
nearest other centroid, singletons score 0).

Run from the repository root:  /usr/bin/python3 tools/kmeans/reference.py
(Debian: apt-get install python3-sklearn; made with scikit-learn 1.2.1, numpy 1.24.)
"""
import os

import numpy as np
import sklearn
from sklearn.metrics import calinski_harabasz_score, davies_bouldin_score, silhouette_score

OUT = "emms-analytics/src/test/resources/io/emms/analytics/cluster"


def data_set():
    rng = np.random.RandomState(7)
    centres = np.array([[0.0, 0.0, 0.0], [4.0, 1.0, -1.0], [1.0, 5.0, 2.0]])
    blobs = [c + rng.normal(scale=s, size=(20, 3)) for c, s in zip(centres, (0.8, 1.2, 1.0))]
    return np.vstack(blobs)


def labellings(x):
    n = len(x)
    rng = np.random.RandomState(11)
    truth = np.repeat([0, 1, 2], 20)
    four = truth.copy()
    four[(truth == 1) & (x[:, 0] > 4.0)] = 3
    noisy = rng.randint(0, 3, size=n)
    singleton = truth.copy()
    singleton[5] = 3
    # Labels need not be contiguous: cluster 1 is empty here.
    gaps = np.where(truth == 1, 4, truth)
    return {"truth": truth, "four": four, "random": noisy, "singleton": singleton, "gaps": gaps}


def simplified_silhouette(x, labels):
    present = np.unique(labels)
    cents = {c: x[labels == c].mean(axis=0) for c in present}
    sizes = {c: int((labels == c).sum()) for c in present}
    scores = []
    for xi, li in zip(x, labels):
        if sizes[li] == 1:
            scores.append(0.0)
            continue
        a = np.sqrt(((xi - cents[li]) ** 2).sum())
        b = min(np.sqrt(((xi - cents[c]) ** 2).sum()) for c in present if c != li)
        m = max(a, b)
        scores.append(0.0 if m == 0 else (b - a) / m)
    return float(np.mean(scores))


def main():
    os.makedirs(OUT, exist_ok=True)
    x = data_set()
    with open(os.path.join(OUT, "scores-data.csv"), "w") as f:
        for row in x:
            f.write(",".join(repr(float(v)) for v in row) + "\n")
    with open(os.path.join(OUT, "scores-labels.csv"), "w") as f:
        for name, labels in labellings(x).items():
            f.write(name + "," + ",".join(str(int(v)) for v in labels) + "\n")
    with open(os.path.join(OUT, "scores-reference.csv"), "w") as f:
        f.write("# scikit-learn %s, numpy %s; written by tools/kmeans/reference.py\n"
                % (sklearn.__version__, np.__version__))
        f.write("labelling,silhouette,davies_bouldin,calinski_harabasz,simplified_silhouette\n")
        for name, labels in labellings(x).items():
            f.write("%s,%r,%r,%r,%r\n" % (
                name,
                float(silhouette_score(x, labels)),
                float(davies_bouldin_score(x, labels)),
                float(calinski_harabasz_score(x, labels)),
                simplified_silhouette(x, labels)))


if __name__ == "__main__":
    main()
