"""backprop: the numpy package behind "Backpropagation, Interactively".

One module per chapter's idea:
  activations  σ and friends, with their derivatives        (chapters 1, 2)
  chain        one neuron per layer, the notes' chain rule   (chapter 2)
  wishes       many neurons, one wish: Wᵀ dz by index       (chapter 4)
  layers       the layer recipe dZ, dW, db, dA_prev          (chapter 5)
  mlp          the recipe stacked into a network            (chapters 3 to 7)
  train        mini-batch gradient descent                   (chapter 3)
  gradcheck    finite differences, the test every gradient passes
  autodiff     Value: backprop on any graph of numbers       (chapter 6)
  timing       what a gradient costs: operations counted and timed side by side (chapters 3, 6)
  sharing      the same gradient without sharing: per parameter, forward mode (chapter 6)
  lab          graders for the labs: your backward pass, and the mistake named (chapters 1, 5, 6)
  digits       scikit-learn's handwritten digits, split and scored (chapter 7)
  figures      every figure: style, diagrams, plots, and REGISTRY (where each appears)
  explorables  the live sliders (anywidgets)

Shape convention, everywhere: one column per example.
"""
from . import activations, autodiff, chain, digits, lab, layers, sharing, timing
from .activations import sigmoid, sigmoid_prime
from .gradcheck import check_mlp, gradcheck, numerical_gradient, relative_error
from .mlp import MLP
from .train import step, train

__all__ = ["activations", "autodiff", "chain", "digits", "lab", "layers", "sharing", "timing", "sigmoid", "sigmoid_prime",
           "MLP",
           "train", "step", "gradcheck", "numerical_gradient", "relative_error", "check_mlp"]
