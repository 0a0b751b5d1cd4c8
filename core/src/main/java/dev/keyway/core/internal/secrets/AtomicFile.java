package dev.keyway.core.internal.secrets;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Replaces a file's contents all at once: writes a temporary file in the same directory, forces it
 * to disk, renames it over the target (an atomic rename on POSIX file systems) and forces the
 * directory entry. A crash at any point leaves either the old file or the new one, never a mix; the
 * temporary file ({@code .NAME.*.tmp}) may be left behind and is then ignored.
 *
 * <p>New files are created readable and writable by their owner only, where the file system has
 * POSIX permissions.
 */
public final class AtomicFile {

  /** A step run after the temporary file is written and before the rename; tests inject crashes. */
  @FunctionalInterface
  public interface BeforeRename {
    BeforeRename NOTHING = temp -> {};

    void run(Path temp) throws IOException;
  }

  private AtomicFile() {}

  /** Replaces {@code target}'s contents with {@code content}. */
  public static void write(Path target, byte[] content, BeforeRename beforeRename)
      throws IOException {
    Path absolute = target.toAbsolutePath();
    Path directory = absolute.getParent();
    Path temp =
        Files.createTempFile(
            directory, "." + absolute.getFileName() + ".", ".tmp", ownerOnly(directory));
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(content);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      beforeRename.run(temp);
      Files.move(
          temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      forceDirectory(directory);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /**
   * Returns the attribute that makes a new file in {@code directory} 0600, or none where the file
   * system has no POSIX permissions.
   */
  public static FileAttribute<?>[] ownerOnly(Path directory) {
    if (!directory.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return new FileAttribute<?>[0];
    }
    return new FileAttribute<?>[] {
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
    };
  }

  private static void forceDirectory(Path directory) {
    // Makes the rename itself durable. Not every platform can open a directory (Windows cannot);
    // there the rename is as durable as the file system makes it.
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // best effort, see above
    }
  }
}
