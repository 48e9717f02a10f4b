namespace VeleroOpenShift.Registry;

/// <summary>How far a copy is: blob bytes done so far of all the image's blob bytes (blobs found present or mounted count as done).</summary>
public sealed record ImageCopyProgress(string Image, long BytesCopied, long BytesToCopy, int BlobsDone, int BlobsTotal);
