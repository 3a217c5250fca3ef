# One addon: libsvm with the dense-kernel patch (deps/libsvm/SOURCE.md) and its Node-API binding.
# -ffp-contract=off: no fused multiply-adds, so every product and sum is rounded on its own; the
#   models then match, byte for byte, those of the WebAssembly build the tests recorded.
# No -march=native: the binary must run on other machines of the same platform (it is shipped to
#   Lambda, see infra/bundling/native-addons.ts).
# Exceptions on (node-gyp turns them off): training catches std::bad_alloc to throw a JS error.
# Hidden symbols and --gc-sections drop what the binding does not call, svm_load_model and
#   svm_save_model among them: their scanf and strtol calls would need glibc 2.38's __isoc23_*
#   symbols when built on a newer distribution, and Lambda's glibc is 2.34.
{
  "targets": [
    {
      "target_name": "svm",
      "sources": ["src/addon.cc", "deps/libsvm/svm.cpp"],
      "include_dirs": ["<!(node -p \"require('node-addon-api').include_dir\")", "deps/libsvm"],
      "defines": ["NAPI_VERSION=8", "NAPI_DISABLE_CPP_EXCEPTIONS", "LIBSVM_DENSE_KERNEL"],
      "cflags!": ["-fno-exceptions"],
      "cflags_cc!": ["-fno-exceptions"],
      "cflags_cc": ["-O3", "-ffp-contract=off", "-fvisibility=hidden", "-ffunction-sections", "-fdata-sections", "-Wno-unused-result", "-Wno-unused-parameter"],
      "ldflags": ["-Wl,--gc-sections"],
      "xcode_settings": {
        "GCC_ENABLE_CPP_EXCEPTIONS": "YES",
        "GCC_OPTIMIZATION_LEVEL": "3",
        "OTHER_CPLUSPLUSFLAGS": ["-ffp-contract=off"]
      }
    }
  ]
}
