"""A multilayer perceptron: the layer recipe stacked L times (chapters 3 to 7).

``sizes = [n_0, n_1, …, n_L]``: n_0 inputs, n_L outputs. Data has one column per
example: X is (n_0, m), Y is (n_L, m). ``params[l − 1] = [W, b]`` holds layer l's
W[l] of shape (n_l, n_{l−1}) and b[l] of shape (n_l, 1).

Two costs, both averaged over the m examples:
  loss="squared"  J = (1/m) Σ_examples Σ_outputs (A[L] − Y)²   (the notes' cost; g on every layer)
  loss="softmax"  J = −(1/m) Σ_examples Σ_outputs Y log softmax(Z[L])   (Y one-hot columns)
"""
import numpy as np

from . import activations, layers
from ._checks import expect_shape, finite_array

LOSSES = ("squared", "softmax")


class MLP:
    def __init__(self, sizes, activation="sigmoid", seed=0, loss="squared", dtype=np.float64):
        sizes = [int(n) for n in sizes]
        if len(sizes) < 2 or min(sizes) < 1:
            raise ValueError(f"sizes must list at least two layer sizes >= 1, got {sizes}")
        activations.get(activation)          # unknown name: ValueError now, not later
        if loss not in LOSSES:
            raise ValueError(f"unknown loss {loss!r}; choose one of {LOSSES}")
        self.sizes, self.activation, self.loss = sizes, activation, loss
        self.dtype = np.dtype(dtype)
        rng = np.random.default_rng(seed)
        # W ~ N(0, 1/n_{l−1}) keeps every z of order 1 at the start; b starts at 0.
        self.params = [[(rng.standard_normal((n, n_prev)) / np.sqrt(n_prev)).astype(self.dtype),
                        np.zeros((n, 1), dtype=self.dtype)]
                       for n_prev, n in zip(sizes[:-1], sizes[1:])]

    def __repr__(self):
        return f"MLP({self.sizes}, activation={self.activation!r}, loss={self.loss!r})"

    # -- checks -------------------------------------------------------------
    def _check_X(self, X):
        X = finite_array(X, "X", ndim=2, dtype=self.dtype)
        if X.shape[0] != self.sizes[0] or X.shape[1] == 0:
            raise ValueError(f"X must have shape ({self.sizes[0]}, m) with m >= 1 "
                             f"(one column per example), got {X.shape}")
        return X

    def check_data(self, X, Y):
        """X and Y as float arrays of shapes (n_0, m) and (n_L, m), or a ValueError naming both."""
        X = self._check_X(X)
        Y = finite_array(Y, "Y", ndim=2, dtype=self.dtype)
        expect_shape(Y, (self.sizes[-1], X.shape[1]), "Y (output units, examples in X)")
        return X, Y

    # -- forward ------------------------------------------------------------
    def _forward(self, X):
        """Unchecked forward pass keeping the cache A = [A0, …, AL] (A0 is X).

        Z[l] = W[l] A[l−1] + b[l] is not kept: the backward pass gets g'(Z[l]) from A[l].
        """
        g, _ = activations.get(self.activation)
        A = [X]
        for l, (W, b) in enumerate(self.params, start=1):
            Z = W @ A[-1]
            Z += b                                    # in place: no second (n_l, m) array
            if l == len(self.params) and self.loss == "softmax":
                A.append(_softmax(Z))
            else:
                A.append(g(Z))
        return A

    def activations(self, X):
        """The cache [A[0], A[1], …, A[L]] of a forward pass: A[0] is X, A[l] is (n_l, m).

        The same arrays ``gradients`` keeps for the backward pass: read a hidden
        layer's activations here instead of recomputing g(W X + b) by hand.
        """
        return self._forward(self._check_X(X))

    def forward(self, X):
        """The output A[L], shape (n_L, m), for X of shape (n_0, m)."""
        return self._forward(self._check_X(X))[-1]

    def _cost(self, AL, Y):
        m = Y.shape[1]
        if self.loss == "squared":
            return float(np.sum((AL - Y) ** 2) / m)
        return float(-np.sum(Y * np.log(np.maximum(AL, np.finfo(AL.dtype).tiny))) / m)

    def cost(self, X, Y):
        """J, a float: the cost averaged over the m columns of X and Y."""
        X, Y = self.check_data(X, Y)
        return self._cost(self._forward(X)[-1], Y)

    # -- backward -----------------------------------------------------------
    def gradients(self, X, Y):
        """[(dW[1], db[1]), …, (dW[L], db[L])], the exact derivatives of ``cost(X, Y)``.

        Each pair has the shapes of ``params[l − 1]``. The whole batch goes through
        every matrix product at once: there is no loop over examples.
        """
        X, Y = self.check_data(X, Y)
        A = self._forward(X)
        # g'(Z[l]) from the cached output A[l] (σ' = A(1 − A)): no second exp per layer.
        g_prime = activations.PRIME_FROM_OUTPUT[self.activation]
        L = len(self.params)
        if self.loss == "squared":
            dZ = A[L] - Y
            dZ *= 2.0                                # dA[L] = 2(A[L] − Y), per example
            dZ *= g_prime(A[L])                      # dZ[L] = dA[L] ∗ g'(Z[L])
        else:
            dZ = A[L] - Y                            # softmax and cross-entropy together
        grads = [None] * L
        for l in range(L, 0, -1):
            W = self.params[l - 1][0]
            dA_prev, dW, db = layers.linear_backward(dZ, A[l - 1], W, need_dA_prev=l > 1)
            grads[l - 1] = (dW, db)
            if l > 1:
                dZ = dA_prev
                dZ *= g_prime(A[l - 1])             # dZ[l−1] = dA[l−1] ∗ g'(Z[l−1]), in place
        return grads

    def predict(self, X):
        """Index of the largest output for each example: shape (m,)."""
        return np.argmax(self.forward(X), axis=0)


def _softmax(Z):
    E = np.exp(Z - Z.max(axis=0, keepdims=True))
    return E / E.sum(axis=0, keepdims=True)
