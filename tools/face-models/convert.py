"""Convert a MediaPipe TFLite model (BlazeFace short range, Face Mesh landmarks) into the
small graph format that `per-face` runs (`crates/face/src/nn.rs` reads it).

The models use ten TFLite operators only; float16 constants behind DEQUANTIZE are expanded
to float32 here, so the Rust side needs no flatbuffer reader and no dequantisation.

Format (little-endian): b"PFNN", u32 version=1, u32 slots, u32 input slot,
u32 n outputs, u32 output slots..., u32 n ops, then each op:
u32 kind, u32 n inputs, u32 input slots..., u32 output slot,
u32 n params, i32 params..., u32 n arrays, each: u32 len, f16 values (the models'
weights are float16 already, so this is lossless and half the download of float32).
Activation shapes are [h, w, c] (batch 1 dropped; rank < 4 padded on the left with 1).

Usage: convert.py IN.tflite OUT.pfnn
"""
import struct
import sys

import numpy as np
import tflite
from tflite.BuiltinOperator import BuiltinOperator

KINDS = {"CONV_2D": 0, "DEPTHWISE_CONV_2D": 1, "ADD": 2, "RELU": 3, "PRELU": 4, "PAD": 5,
         "MAX_POOL_2D": 6, "RESHAPE": 7, "CONCATENATION": 8}
NAMES = {v: k for k, v in BuiltinOperator.__dict__.items() if not k.startswith("_")}
DTYPES = {0: np.float32, 1: np.float16, 2: np.int32, 4: np.int64}


def main(src, dst):
    buf = open(src, "rb").read()
    model = tflite.Model.GetRootAsModel(buf, 0)
    graph = model.Subgraphs(0)
    consts = {}
    for i in range(graph.TensorsLength()):
        t = graph.Tensors(i)
        data = model.Buffers(t.Buffer()).DataAsNumpy()
        if isinstance(data, np.ndarray) and data.size:
            shape = t.ShapeAsNumpy().tolist() if t.ShapeLength() else []
            consts[i] = np.frombuffer(data.tobytes(), dtype=DTYPES[t.Type()]).reshape(shape)
    slots = {}

    def slot(i):
        if i not in slots:
            slots[i] = len(slots)
        return slots[i]

    def hwc(i):
        shape = graph.Tensors(i).ShapeAsNumpy().tolist()
        return [1] * (4 - len(shape)) + shape

    ops = []
    for k in range(graph.OperatorsLength()):
        op = graph.Operators(k)
        code = model.OperatorCodes(op.OpcodeIndex())
        name = NAMES[max(code.BuiltinCode(), code.DeprecatedBuiltinCode())]
        ins = [j for j in op.InputsAsNumpy().tolist() if j >= 0]
        out = op.OutputsAsNumpy().tolist()[0]
        opts = op.BuiltinOptions()
        if name == "DEQUANTIZE":
            consts[out] = consts[ins[0]].astype(np.float32)  # exact: float16 fits
            continue
        kind = KINDS[name]
        acts = [j for j in ins if j not in consts]
        params, arrays = [], []
        if name == "CONV_2D":
            o = tflite.Conv2DOptions()
            o.Init(opts.Bytes, opts.Pos)
            assert o.DilationHFactor() == 1 and o.DilationWFactor() == 1
            w, b = consts[ins[1]], consts[ins[2]]
            cout, kh, kw, cin = w.shape
            params = [kh, kw, cin, cout, o.StrideH(), o.StrideW(), int(o.Padding() == 0),
                      o.FusedActivationFunction()]
            arrays = [w, b]
        elif name == "DEPTHWISE_CONV_2D":
            o = tflite.DepthwiseConv2DOptions()
            o.Init(opts.Bytes, opts.Pos)
            assert o.DepthMultiplier() == 1
            w, b = consts[ins[1]], consts[ins[2]]
            _, kh, kw, c = w.shape
            params = [kh, kw, c, o.StrideH(), o.StrideW(), int(o.Padding() == 0),
                      o.FusedActivationFunction()]
            arrays = [w, b]
        elif name == "ADD":
            o = tflite.AddOptions()
            o.Init(opts.Bytes, opts.Pos)
            assert len(acts) == 2
            params = [o.FusedActivationFunction()]
        elif name == "PRELU":
            arrays = [consts[ins[1]].reshape(-1)]
        elif name == "PAD":
            p = consts[ins[1]].reshape(4, 2)
            assert p[0].tolist() == [0, 0]
            params = p[1:].reshape(-1).tolist()
        elif name == "MAX_POOL_2D":
            o = tflite.Pool2DOptions()
            o.Init(opts.Bytes, opts.Pos)
            params = [o.FilterHeight(), o.FilterWidth(), o.StrideH(), o.StrideW(),
                      int(o.Padding() == 0)]
        elif name == "RESHAPE":
            params = hwc(out)[1:]
        elif name == "CONCATENATION":
            o = tflite.ConcatenationOptions()
            o.Init(opts.Bytes, opts.Pos)
            rank = graph.Tensors(out).ShapeLength()
            axis = o.Axis() % rank
            params = [axis - 1 + (4 - rank)]
        ops.append((kind, [slot(j) for j in acts], slot(out), params, arrays))
    inp = slot(graph.Inputs(0))
    outs = [slot(graph.Outputs(i)) for i in range(graph.OutputsLength())]
    with open(dst, "wb") as f:
        f.write(b"PFNN" + struct.pack("<IIII", 1, len(slots), inp, len(outs)))
        f.write(struct.pack("<%dI" % len(outs), *outs))
        f.write(struct.pack("<I", len(ops)))
        for kind, ins, out, params, arrays in ops:
            f.write(struct.pack("<II", kind, len(ins)))
            f.write(struct.pack("<%dI" % len(ins), *ins))
            f.write(struct.pack("<II", out, len(params)))
            f.write(struct.pack("<%di" % len(params), *params))
            f.write(struct.pack("<I", len(arrays)))
            for a in arrays:
                assert np.array_equal(a.astype(np.float16).astype(np.float32), a)
                a = np.ascontiguousarray(a, dtype="<f2").reshape(-1)
                f.write(struct.pack("<I", a.size) + a.tobytes())


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
