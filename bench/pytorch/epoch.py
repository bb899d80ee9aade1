"""The bench's MLP and CNN epochs in PyTorch, for context beside `pnpm bench` (not run by it).

Same models (784-128-10 ReLU; conv 8@5x5 - maxpool 2 - conv 16@5x5 - maxpool 2 - dense 10),
softmax cross-entropy from logits, Adam lr 1e-3, batch 64, a pool of 1024 random images, the
loss read back every step (`.item()`), as bench/src/train.ts does. Prints one JSON line.

    /usr/bin/python3 bench/pytorch/epoch.py mlp 937 [threads]   # Debian's python3-torch
"""
import json
import sys
import time

import torch

model_name = sys.argv[1]
steps = int(sys.argv[2])
threads = int(sys.argv[3]) if len(sys.argv) > 3 else torch.get_num_threads()
torch.set_num_threads(threads)
torch.manual_seed(1)
batch, pool = 64, 1024
images = torch.rand(pool, 1, 28, 28)
labels = torch.randint(0, 10, (pool,))
if model_name == "mlp":
    net = torch.nn.Sequential(torch.nn.Flatten(), torch.nn.Linear(784, 128), torch.nn.ReLU(), torch.nn.Linear(128, 10))
else:
    net = torch.nn.Sequential(
        torch.nn.Conv2d(1, 8, 5), torch.nn.ReLU(), torch.nn.MaxPool2d(2),
        torch.nn.Conv2d(8, 16, 5), torch.nn.ReLU(), torch.nn.MaxPool2d(2),
        torch.nn.Flatten(), torch.nn.Linear(256, 10),
    )
opt = torch.optim.Adam(net.parameters(), lr=1e-3)
loss_fn = torch.nn.CrossEntropyLoss()


def step(s):
    start = (s * batch) % (pool - batch)
    x, y = images[start:start + batch], labels[start:start + batch]
    opt.zero_grad()
    loss = loss_fn(net(x), y)
    loss.backward()
    opt.step()
    return loss.item()


for s in range(3):
    step(s)
t0 = time.perf_counter()
for s in range(steps):
    last = step(3 + s)
ms = (time.perf_counter() - t0) * 1000 / steps
print(json.dumps({"framework": f"pytorch-{torch.__version__}", "threads": threads, "model": model_name,
                  "steps": steps, "msPerStep": ms, "epochSeconds": ms * 937 / 1000, "lastLoss": last}))
