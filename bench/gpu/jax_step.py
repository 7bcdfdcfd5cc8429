"""A jitted JAX training step (a 4-layer MLP, value_and_grad) whose batch does not fit: XLA's allocator refuses."""
import jax
import jax.numpy as jnp

WIDTH, BATCH = 8192, 1 << 19
key = jax.random.PRNGKey(0)
params = [jax.random.normal(k, (WIDTH, WIDTH), jnp.float32) * 0.01 for k in jax.random.split(key, 4)]


def loss_fn(params, x):
    h = x
    for w in params:
        h = jax.nn.gelu(h @ w)
    return jnp.mean(h ** 2)


@jax.jit
def train_step(params, x):
    loss, grads = jax.value_and_grad(loss_fn)(params, x)
    return loss, [p - 1e-3 * g for p, g in zip(params, grads)]


print(jax.devices(), f"batch {BATCH} x {WIDTH}", flush=True)
x = jnp.ones((BATCH, WIDTH), jnp.float32)
loss, params = train_step(params, x)
print(float(loss))
