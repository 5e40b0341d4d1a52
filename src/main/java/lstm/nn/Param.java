package lstm.nn;

import java.util.Arrays;

/** A named weight tensor with its gradient, stored flat in row-major order. */
public final class Param {
    public final String name;
    public final int[] shape;
    public final float[] value;
    public final float[] grad;

    public Param(String name, int... shape) {
        this.name = name;
        this.shape = shape.clone();
        int size = 1;
        for (int d : shape) size = Math.multiplyExact(size, d);
        this.value = new float[size];
        this.grad = new float[size];
    }

    public int size() {
        return value.length;
    }

    public void zeroGrad() {
        Arrays.fill(grad, 0f);
    }
}
