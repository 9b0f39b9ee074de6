// The maths every explorable shares, with no page in sight (Node runs it in tests/package/test_js_maths.py):
// the sigmoid, the one-neuron-per-layer chain of backprop.chain, line for line, and the seeded shuffle of
// backprop.explorables._order.

export function sigmoid(z) {     // exp only of -|z|: never overflows, accurate for any z
  const e = Math.exp(-Math.abs(z));
  return z >= 0 ? 1 / (1 + e) : e / (1 + e);
}

export function sigmoidPrime(z) {   // e / (1 + e)^2 with e = exp(-|z|)
  const e = Math.exp(-Math.abs(z));
  return e / ((1 + e) * (1 + e));
}

// The chain, one neuron per layer, for a batch of examples a0[i], y[i] (as backprop.chain.trace).
// w, b: arrays of L numbers; a0: array of m numbers. Returns a (L + 1 arrays of m) and z (L arrays of m).
export function chainTrace(w, b, a0) {
  const a = [a0.slice()], z = [];
  for (let l = 0; l < w.length; l++) {
    z.push(a[l].map((x) => w[l] * x + b[l]));      // z_l = w_l a_{l−1} + b_l
    a.push(z[l].map(sigmoid));                       // a_l = σ(z_l)
  }
  return { a, z };
}

// J = 1/m Σ_i (a_L − y_i)² and its gradients (as backprop.chain.gradients): w, b (L numbers each), a (for
// l = 0..L−1, ∂J/∂a_l per example), with the trace (acts, zs) they came from.
export function chainGradients(w, b, a0, y) {
  const L = w.length, m = a0.length, { a, z } = chainTrace(w, b, a0);
  const dw = new Array(L).fill(0), db = new Array(L).fill(0), da = new Array(L);
  let cost = 0;
  for (let i = 0; i < m; i++) cost += (a[L][i] - y[i]) ** 2;
  let daL = a[L].map((x, i) => (2 * (x - y[i])) / m);          // ∂J/∂a_L = 2(a_L − y)/m
  for (let l = L; l >= 1; l--) {
    const dz = daL.map((d, i) => d * sigmoidPrime(z[l - 1][i]));   // ∂J/∂z_l = ∂J/∂a_l σ'(z_l)
    let sw = 0, sb = 0;
    for (let i = 0; i < m; i++) { sw += dz[i] * a[l - 1][i]; sb += dz[i]; }
    dw[l - 1] = sw; db[l - 1] = sb;                  // ∂J/∂w_l = Σ_i dz a_{l−1}, ∂J/∂b_l = Σ_i dz
    daL = dz.map((d) => d * w[l - 1]);               // ∂J/∂a_{l−1} = dz w_l
    da[l - 1] = daL;
  }
  return { cost: cost / m, w: dw, b: db, a: da, acts: a, zs: z };
}

// A seeded shuffle, the same in Python (backprop.explorables._order): the Park–Miller generator
// state ← 48271·state mod (2³¹ − 1) (exact in doubles), and a Fisher–Yates shuffle of 0..m−1.
// shuffledOrder(m, seed, n): the first n indices of a stream of permutations, a new one per epoch.
export function shuffledOrder(m, seed, n) {
  const M = 2147483647, out = [];
  let state = (seed % (M - 1)) + 1;
  while (out.length < n) {
    const idx = [...Array(m).keys()];
    for (let i = m - 1; i > 0; i--) {
      state = (state * 48271) % M;
      const j = state % (i + 1);
      [idx[i], idx[j]] = [idx[j], idx[i]];
    }
    out.push(...idx);
  }
  return out.slice(0, n);
}
