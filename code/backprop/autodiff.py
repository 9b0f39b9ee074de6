"""Backprop on any graph: reverse-mode automatic differentiation of numbers (chapter 6).

Every arithmetic step on a ``Value`` makes a new ``Value`` that remembers its parents
and its *local derivatives*, ∂(this value)/∂(each parent), worked out while the step
runs forward. ``out.backward()`` then visits the graph once, from ``out`` back to the
leaves, and applies the chain rule at every node v:

    ∂out/∂p  +=  ∂out/∂v · ∂v/∂p          for every parent p of v

"multiply along a path" (the product), "add where a value is used twice" (the +=).
It is PyTorch's autograd on single numbers instead of arrays: readable, not fast.
"""
import math
from numbers import Real


def _number(x, what):
    """x as a float; TypeError if not a real number, ValueError if NaN or inf."""
    if isinstance(x, Value) or not isinstance(x, Real):
        raise TypeError(f"{what} must be a real number, got {type(x).__name__}: {x!r}")
    if not math.isfinite(x):
        raise ValueError(f"{what} must be finite, got {x}")
    return float(x)


def _lift(x):                                 # a number becomes a leaf Value
    return x if isinstance(x, Value) else Value(_number(x, "the other operand"))


class Value:
    """One number of a computation: ``data`` (forward) and ``grad`` (backward, ∂out/∂self).

    ``parents`` are the Values it was computed from and ``local`` the matching local
    derivatives ∂self/∂parent (numbers). A leaf (an input, a weight) has neither.
    """

    def __init__(self, data, parents=(), local=(), op="", name=""):
        self.data, self.grad = _number(data, "Value data"), 0.0
        self.parents, self.local = tuple(parents), tuple(local)
        self.op, self.name = op, name

    def __repr__(self):
        return f"Value({self.name or 'data'}={self.data:.6g}, grad={self.grad:.6g})"

    # -- the operations: each returns its result and its local derivatives ----------
    def __add__(self, other):                 # z = x + y:  ∂z/∂x = 1, ∂z/∂y = 1
        other = _lift(other)
        return Value(self.data + other.data, (self, other), (1.0, 1.0), "+")

    def __sub__(self, other):                 # z = x − y:  ∂z/∂x = 1, ∂z/∂y = −1
        other = _lift(other)
        return Value(self.data - other.data, (self, other), (1.0, -1.0), "−")

    def __mul__(self, other):                 # z = x·y:  ∂z/∂x = y, ∂z/∂y = x
        other = _lift(other)
        x, y = self.data, other.data
        return Value(x * y, (self, other), (y, x), "×")

    def __truediv__(self, other):             # z = x/y:  ∂z/∂x = 1/y, ∂z/∂y = −x/y²
        other = _lift(other)
        x, y = self.data, other.data
        return Value(x / y, (self, other), (1.0 / y, -x / y**2), "÷")

    def __pow__(self, n):                     # z = xⁿ, n a number:  ∂z/∂x = n·xⁿ⁻¹
        if isinstance(n, Value):
            raise TypeError("Value ** Value: the exponent must be a number, not a Value")
        n, x = _number(n, "the exponent"), self.data
        if x < 0 and n != int(n):
            raise ValueError(f"a negative Value ({x}) to a non-integer power ({n}) is not real")
        if x == 0 and n < 1:
            raise ValueError(f"0 ** {n}: the power or its derivative is infinite at 0")
        return Value(x**n, (self,), (n * x ** (n - 1),), f"**{n:g}")

    def __neg__(self):                        # z = −x:  ∂z/∂x = −1
        return self * -1

    # numbers on the left: 2 + v, 2 − v, 2·v, 2/v
    __radd__ = __add__
    __rmul__ = __mul__

    def __rsub__(self, other):
        return _lift(other) - self

    def __rtruediv__(self, other):
        return _lift(other) / self

    def __rpow__(self, other):
        raise TypeError(f"{type(other).__name__} ** Value: the exponent must be a number, "
                        "not a Value")

    def exp(self):                            # z = eˣ:  ∂z/∂x = eˣ = z
        z = math.exp(self.data)
        return Value(z, (self,), (z,), "exp")

    def log(self):                            # z = ln x:  ∂z/∂x = 1/x
        if self.data <= 0:
            raise ValueError(f"log of a non-positive Value: {self.data}")
        return Value(math.log(self.data), (self,), (1.0 / self.data,), "log")

    def tanh(self):                           # z = tanh x:  ∂z/∂x = 1 − z²
        z = math.tanh(self.data)
        return Value(z, (self,), (1.0 - z * z,), "tanh")

    def sigmoid(self):                        # z = σ(x) = 1/(1 + e⁻ˣ):  ∂z/∂x = z(1 − z)
        e = math.exp(-abs(self.data))         # e⁻|ˣ| never overflows
        z = 1 / (1 + e) if self.data >= 0 else e / (1 + e)
        return Value(z, (self,), (e / (1 + e) ** 2,), "σ")   # σ' = e/(1 + e)², as activations

    def relu(self):                           # z = max(x, 0):  ∂z/∂x = 1 if x > 0 else 0
        return Value(max(self.data, 0.0), (self,), (1.0 if self.data > 0 else 0.0,), "relu")

    # -- backward -------------------------------------------------------------------
    def graph(self):
        """Every Value ``self`` depends on, each after its parents, ``self`` last.
        Depth-first with an explicit stack, not recursion: any depth is fine."""
        order, seen = [], {self}
        stack = [(self, iter(self.parents))]
        while stack:
            node, parents = stack[-1]
            for p in parents:
                if p not in seen:             # first visit: go down to p's parents first
                    seen.add(p)
                    stack.append((p, iter(p.parents)))
                    break
            else:                             # all parents placed: place the node
                stack.pop()
                order.append(node)
        return order

    def backward(self):
        """Add ∂self/∂v to ``v.grad`` for every Value v of the graph (+1 to self).

        One sweep in reverse topological order: when v is reached, every node
        that uses v has passed its share back. Gradients *accumulate*, as in
        PyTorch: a second call adds the same amounts again (every grad doubles);
        loss1.backward(); loss2.backward() leaves the gradients of loss1 + loss2.
        zero_grad() sets them back to 0.
        """
        order = self.graph()
        d = {v: 0.0 for v in order}           # ∂self/∂v for this call only
        d[self] = 1.0                         # ∂self/∂self = 1
        for v in reversed(order):
            for p, dv_dp in zip(v.parents, v.local):
                d[p] += d[v] * dv_dp          # chain rule; += where p is used twice
        for v in order:
            v.grad += d[v]

    def zero_grad(self):
        """Set ``grad`` to 0 for every Value of the graph."""
        for v in self.graph():
            v.grad = 0.0
