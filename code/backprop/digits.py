"""Handwritten digits for chapter 7: scikit-learn's bundled 8 × 8 images, one column per example.

``sklearn.datasets.load_digits`` ships inside scikit-learn (no download): 1797 images of
8 × 8 pixels with values 0 … 16, and their labels 0 … 9. Here each image becomes one
column of 64 numbers in [0, 1] and each label a one-hot column of 10, the shapes an
``MLP([64, …, 10])`` takes:

    X : (64, m)    Y : (10, m) one-hot    y : (m,) the labels 0 … 9
"""
from collections import namedtuple

import numpy as np

Split = namedtuple("Split", "X_train Y_train y_train X_test Y_test y_test")


def one_hot(y, k=10):
    """Labels y, shape (m,) with values 0 … k−1, as one-hot columns: shape (k, m)."""
    y = np.asarray(y)
    if y.ndim != 1 or y.size == 0 or not np.issubdtype(y.dtype, np.integer):
        raise ValueError(f"y must be a non-empty 1-D array of integer labels, got {y.dtype} of shape {y.shape}")
    if y.min() < 0 or y.max() >= k:
        raise ValueError(f"labels must lie in 0 … {k - 1}, got {y.min()} … {y.max()}")
    return np.eye(k)[:, y]


def load(test_fraction=0.25, seed=0):
    """The digits, split once into a training and a test set (stratified, so every digit
    is in both in the same proportion). The same ``seed`` gives the same split everywhere."""
    from sklearn.datasets import load_digits
    from sklearn.model_selection import train_test_split

    data = load_digits()
    X_train, X_test, y_train, y_test = train_test_split(
        data.data / 16.0, data.target, test_size=test_fraction, random_state=seed, stratify=data.target)
    return Split(X_train.T, one_hot(y_train), y_train, X_test.T, one_hot(y_test), y_test)


def accuracy(net, X, y):
    """The fraction of the columns of X that ``net`` labels as y says."""
    return float(np.mean(net.predict(X) == _labels(y, X)))


def confusion(net, X, y, k=10):
    """C[i, j] = how many examples of digit i the net labels j: shape (k, k), rows sum to the counts."""
    C = np.zeros((k, k), dtype=int)
    np.add.at(C, (_labels(y, X), net.predict(X)), 1)
    return C


def _labels(y, X):
    y = np.asarray(y)
    if y.shape != (X.shape[1],):
        raise ValueError(f"y must have shape ({X.shape[1]},), one label per column of X, got {y.shape}")
    return y
