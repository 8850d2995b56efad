package hostapi_test

// -update means the same in every package (see internal/update).
import _ "github.com/tarogen/tarogen/internal/update"
