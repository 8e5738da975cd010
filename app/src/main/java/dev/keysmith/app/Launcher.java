package dev.keysmith.app;

/** Entry point placeholder; replaced by the picocli launcher. */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) {
        System.out.println("keysmith");
    }
}
