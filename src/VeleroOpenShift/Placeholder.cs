namespace VeleroOpenShift;
internal static class Placeholder { }
