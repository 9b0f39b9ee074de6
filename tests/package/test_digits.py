import numpy as np
import pytest

import backprop
from backprop import digits


def test_load_gives_columns_in_unit_range_and_a_fixed_stratified_split():
    d = digits.load(seed=0)
    assert d.X_train.shape == (64, 1347) and d.X_test.shape == (64, 450)
    assert d.Y_train.shape == (10, 1347) and d.Y_test.shape == (10, 450)
    assert 0 <= d.X_train.min() and d.X_train.max() <= 1 and d.X_train.max() == 1
    np.testing.assert_array_equal(d.Y_train.argmax(axis=0), d.y_train)
    np.testing.assert_array_equal(d.Y_train.sum(axis=0), 1)
    # stratified: every digit's share of the test set is its share of the whole, within one example
    counts = np.bincount(np.concatenate([d.y_train, d.y_test]))
    assert np.all(np.abs(np.bincount(d.y_test) - counts * 450 / 1797) <= 1)
    again = digits.load(seed=0)
    np.testing.assert_array_equal(again.X_test, d.X_test)
    assert not np.array_equal(digits.load(seed=1).y_test, d.y_test)


def test_one_hot_and_its_errors():
    np.testing.assert_array_equal(digits.one_hot([2, 0], k=3), [[0, 1], [0, 0], [1, 0]])
    with pytest.raises(ValueError, match=r"0 … 9, got 0 … 10"):
        digits.one_hot(np.array([0, 10]))
    with pytest.raises(ValueError, match="integer labels"):
        digits.one_hot(np.array([0.0, 1.0]))
    with pytest.raises(ValueError, match=r"shape \(2, 2\)"):
        digits.one_hot(np.array([[0, 1], [1, 0]]))


def test_accuracy_and_confusion_count_what_the_net_predicts():
    d = digits.load(seed=0)
    net = backprop.MLP([64, 5, 10], seed=3)
    predicted = net.predict(d.X_test)
    C = digits.confusion(net, d.X_test, d.y_test)
    assert C.sum() == 450
    np.testing.assert_array_equal(C.sum(axis=1), np.bincount(d.y_test, minlength=10))
    np.testing.assert_array_equal(C.sum(axis=0), np.bincount(predicted, minlength=10))
    assert C[d.y_test[0], predicted[0]] >= 1
    assert digits.accuracy(net, d.X_test, d.y_test) == pytest.approx(C.trace() / 450)
    with pytest.raises(ValueError, match=r"shape \(450,\).*got \(449,\)"):
        digits.accuracy(net, d.X_test, d.y_test[:-1])
