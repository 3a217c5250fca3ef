// Node-API binding of libsvm's C-SVC (deps/libsvm, see its SOURCE.md): train on dense rows, predict,
// read a model's fields and rebuild a model from them. Text is not read or written here: libsvm's
// svm_save_model prints doubles with %g (a reloaded model can predict differently) and both file
// functions switch the process-wide locale, which is unsafe with several worker threads training.
#include <napi.h>

#include <atomic>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <new>
#include <string>
#include <vector>

#include "svm.h"

namespace {

// The model-file names of libsvm's kernel_type values (svm.cpp's kernel_type_table).
const char* const kKernelNames[] = {"linear", "polynomial", "rbf", "sigmoid"};
const int kKernelCount = 4;

std::atomic<int> liveModels{0};

void printNothing(const char*) {}

int kernelType(const std::string& name) {
  for (int k = 0; k < kKernelCount; k++)
    if (name == kKernelNames[k]) return k;
  return -1;
}

// Helpers that throw a pending JS exception and report failure; callers return right after.
bool fail(Napi::Env env, const std::string& message) {
  Napi::TypeError::New(env, message).ThrowAsJavaScriptException();
  return false;
}

bool readNumber(Napi::Env env, const Napi::Object& o, const char* key, double* out) {
  Napi::Value v = o.Get(key);
  if (!v.IsNumber() || !std::isfinite(v.As<Napi::Number>().DoubleValue()))
    return fail(env, std::string(key) + " must be a finite number");
  *out = v.As<Napi::Number>().DoubleValue();
  return true;
}

bool readDegree(Napi::Env env, const Napi::Object& o, int* out) {
  double degree;
  if (!readNumber(env, o, "degree", &degree)) return false;
  if (degree != std::floor(degree) || std::fabs(degree) > 1e9) return fail(env, "degree must be an integer");
  *out = (int)degree;
  return true;
}

bool readKernel(Napi::Env env, const Napi::Object& o, int* out) {
  Napi::Value v = o.Get("kernel");
  *out = v.IsString() ? kernelType(v.As<Napi::String>().Utf8Value()) : -1;
  return *out >= 0 || fail(env, "kernel must be one of linear, polynomial, rbf, sigmoid");
}

bool readRows(Napi::Env env, const Napi::Value& values, const Napi::Value& rowsValue, const Napi::Value& colsValue,
              int minRows, Napi::Float64Array* data, int* rows, int* cols) {
  if (!values.IsTypedArray() || values.As<Napi::TypedArray>().TypedArrayType() != napi_float64_array)
    return fail(env, "values must be a Float64Array");
  if (!rowsValue.IsNumber() || !colsValue.IsNumber()) return fail(env, "rows and cols must be numbers");
  *data = values.As<Napi::Float64Array>();
  *rows = rowsValue.As<Napi::Number>().Int32Value();
  *cols = colsValue.As<Napi::Number>().Int32Value();
  if (*rows < minRows || *cols < 1 || data->ElementLength() != (size_t)*rows * (size_t)*cols)
    return fail(env, "values must hold rows × cols numbers, with at least " + std::to_string(minRows) + " row(s) and 1 column; got " +
                         std::to_string(data->ElementLength()) + " values for " + std::to_string(*rows) + " × " + std::to_string(*cols));
  return true;
}

// One row in libsvm's sparse format with every feature present (index 1..cols), zeros included: the
// dense-kernel patch and libsvm's sparse dot then sum the same products in the same order.
void fillNodes(svm_node* out, const double* values, int cols) {
  for (int j = 0; j < cols; j++) {
    out[j].index = j + 1;
    out[j].value = values[j];
  }
  out[cols].index = -1;
}

// Training rows; a trained model's support vectors point into `nodes`, so it lives as long as the model.
struct Problem {
  svm_problem problem{};
  std::vector<svm_node> nodes;
  std::vector<svm_node*> rows;
  std::vector<double> labels;
};

class Model : public Napi::ObjectWrap<Model> {
 public:
  static Napi::Function Define(Napi::Env env) {
    return DefineClass(env, "Model", {
      InstanceMethod<&Model::Predict>("predict"),
      InstanceMethod<&Model::Fields>("fields"),
      InstanceMethod<&Model::Free>("free"),
    });
  }

  Model(const Napi::CallbackInfo& info) : Napi::ObjectWrap<Model>(info) {}
  ~Model() { Release(); }

  static Napi::Value Train(const Napi::CallbackInfo& info);
  static Napi::Value Load(const Napi::CallbackInfo& info);

 private:
  Problem* problem_ = nullptr;
  svm_model* model_ = nullptr;

  static Napi::Object Wrap(Napi::Env env, svm_model* model, Problem* problem) {
    Napi::Object object = env.GetInstanceData<Napi::FunctionReference>()->New({});
    Model* self = Unwrap(object);
    self->model_ = model;
    self->problem_ = problem;
    liveModels++;
    return object;
  }

  void Release() {
    if (!model_) return;
    svm_free_and_destroy_model(&model_);
    delete problem_;
    problem_ = nullptr;
    liveModels--;
  }

  bool Trained(Napi::Env env) {
    if (model_) return true;
    Napi::Error::New(env, "the model was freed").ThrowAsJavaScriptException();
    return false;
  }

  Napi::Value Predict(const Napi::CallbackInfo& info);
  Napi::Value Fields(const Napi::CallbackInfo& info);
  Napi::Value Free(const Napi::CallbackInfo& info) {
    Release();
    return info.Env().Undefined();
  }
};

Napi::Value Model::Train(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  Napi::Float64Array values;
  int rows, cols;
  if (!readRows(env, info[0], info[1], info[2], 1, &values, &rows, &cols)) return env.Undefined();
  if (!info[3].IsTypedArray() || info[3].As<Napi::TypedArray>().TypedArrayType() != napi_float64_array ||
      info[3].As<Napi::Float64Array>().ElementLength() != (size_t)rows) {
    fail(env, "labels must be a Float64Array with one label per row");
    return env.Undefined();
  }
  if (!info[4].IsObject()) {
    fail(env, "params must be an object");
    return env.Undefined();
  }
  Napi::Float64Array labels = info[3].As<Napi::Float64Array>();
  Napi::Object p = info[4].As<Napi::Object>();

  svm_parameter param{};
  param.svm_type = C_SVC;
  if (!readKernel(env, p, &param.kernel_type) || !readDegree(env, p, &param.degree) || !readNumber(env, p, "gamma", &param.gamma) ||
      !readNumber(env, p, "coef0", &param.coef0) || !readNumber(env, p, "C", &param.C) ||
      !readNumber(env, p, "cacheSizeMb", &param.cache_size) || !readNumber(env, p, "tol", &param.eps))
    return env.Undefined();
  Napi::Value shrinkingValue = p.Get("shrinking");
  if (!shrinkingValue.IsBoolean()) {
    fail(env, "shrinking must be a boolean");
    return env.Undefined();
  }
  param.shrinking = shrinkingValue.As<Napi::Boolean>().Value() ? 1 : 0;
  param.nu = 0.5;
  param.p = 0.1;

  Problem* problem = nullptr;
  try {
    problem = new Problem();
    problem->nodes.resize((size_t)rows * (cols + 1));
    problem->rows.resize(rows);
    problem->labels.assign(labels.Data(), labels.Data() + rows);
    for (int i = 0; i < rows; i++) {
      problem->rows[i] = &problem->nodes[(size_t)i * (cols + 1)];
      fillNodes(problem->rows[i], values.Data() + (size_t)i * cols, cols);
    }
    problem->problem.l = rows;
    problem->problem.y = problem->labels.data();
    problem->problem.x = problem->rows.data();

    if (const char* error = svm_check_parameter(&problem->problem, &param)) {
      delete problem;
      Napi::Error::New(env, std::string("libsvm rejected the training parameters: ") + error).ThrowAsJavaScriptException();
      return env.Undefined();
    }
    return Wrap(env, svm_train(&problem->problem, &param), problem);
  } catch (const std::bad_alloc&) {
    delete problem;
    Napi::RangeError::New(env, "out of memory while training on " + std::to_string(rows) + " × " + std::to_string(cols) + " values")
        .ThrowAsJavaScriptException();
    return env.Undefined();
  }
}

Napi::Value Model::Predict(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  Napi::Float64Array values;
  int rows, cols;
  if (!Trained(env) || !readRows(env, info[0], info[1], info[2], 0, &values, &rows, &cols)) return env.Undefined();
  Napi::Float64Array out = Napi::Float64Array::New(env, rows);
  std::vector<svm_node> nodes(cols + 1);
  for (int i = 0; i < rows; i++) {
    fillNodes(nodes.data(), values.Data() + (size_t)i * cols, cols);
    out[i] = svm_predict(model_, nodes.data());
  }
  return out;
}

Napi::Float64Array Doubles(Napi::Env env, const double* from, int count) {
  Napi::Float64Array array = Napi::Float64Array::New(env, count);
  if (count > 0) std::memcpy(array.Data(), from, sizeof(double) * count);
  return array;
}

Napi::Int32Array Ints(Napi::Env env, const int* from, int count) {
  Napi::Int32Array array = Napi::Int32Array::New(env, count);
  if (count > 0) std::memcpy(array.Data(), from, sizeof(int) * count);
  return array;
}

Napi::Value Model::Fields(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!Trained(env)) return env.Undefined();
  const svm_model& m = *model_;
  const int k = m.nr_class, l = m.l;
  Napi::Object fields = Napi::Object::New(env);
  fields.Set("kernel", kKernelNames[m.param.kernel_type]);
  fields.Set("degree", m.param.degree);
  fields.Set("gamma", m.param.gamma);
  fields.Set("coef0", m.param.coef0);
  fields.Set("labels", Ints(env, m.label, k));
  fields.Set("rho", Doubles(env, m.rho, k * (k - 1) / 2));
  fields.Set("svCounts", Ints(env, m.nSV, k));
  Napi::Array svCoef = Napi::Array::New(env, k - 1);
  for (int c = 0; c < k - 1; c++) svCoef.Set(c, Doubles(env, m.sv_coef[c], l));
  fields.Set("svCoef", svCoef);

  std::vector<int> offsets(l + 1, 0);
  for (int s = 0; s < l; s++) {
    int n = 0;
    while (m.SV[s][n].index != -1) n++;
    offsets[s + 1] = offsets[s] + n;
  }
  Napi::Int32Array indices = Napi::Int32Array::New(env, offsets[l]);
  Napi::Float64Array nodeValues = Napi::Float64Array::New(env, offsets[l]);
  for (int s = 0; s < l; s++)
    for (int n = offsets[s]; n < offsets[s + 1]; n++) {
      indices[n] = m.SV[s][n - offsets[s]].index;
      nodeValues[n] = m.SV[s][n - offsets[s]].value;
    }
  Napi::Object supportVectors = Napi::Object::New(env);
  supportVectors.Set("offsets", Ints(env, offsets.data(), l + 1));
  supportVectors.Set("indices", indices);
  supportVectors.Set("values", nodeValues);
  fields.Set("supportVectors", supportVectors);
  return fields;
}

template <typename T>
bool readTyped(Napi::Env env, const Napi::Object& o, const char* key, napi_typedarray_type type, size_t length, T* out) {
  Napi::Value v = o.Get(key);
  if (!v.IsTypedArray() || v.As<Napi::TypedArray>().TypedArrayType() != type)
    return fail(env, std::string(key) + (type == napi_int32_array ? " must be an Int32Array" : " must be a Float64Array"));
  *out = v.As<T>();
  return out->ElementLength() == length ||
         fail(env, std::string(key) + " must hold " + std::to_string(length) + " numbers; got " + std::to_string(out->ElementLength()));
}

// libsvm's svm_load_model, from fields instead of a file: the same allocations (malloc, one block
// of nodes starting at SV[0], free_sv = 1), so svm_free_and_destroy_model frees it.
svm_model* BuildModel(Napi::Env env, const Napi::Object& fields) {
  svm_parameter param{};
  param.svm_type = C_SVC;
  if (!readKernel(env, fields, &param.kernel_type) || !readDegree(env, fields, &param.degree) ||
      !readNumber(env, fields, "gamma", &param.gamma) || !readNumber(env, fields, "coef0", &param.coef0))
    return nullptr;

  Napi::Value labelsValue = fields.Get("labels");
  if (!labelsValue.IsTypedArray()) return fail(env, "labels must be an Int32Array"), nullptr;
  const int k = (int)labelsValue.As<Napi::TypedArray>().ElementLength();
  if (k < 2) return fail(env, "a C-SVC model needs at least 2 labels"), nullptr;
  Napi::Int32Array labels, svCounts, offsets, indices;
  Napi::Float64Array rho, values;
  if (!readTyped(env, fields, "labels", napi_int32_array, k, &labels) ||
      !readTyped(env, fields, "rho", napi_float64_array, (size_t)k * (k - 1) / 2, &rho) ||
      !readTyped(env, fields, "svCounts", napi_int32_array, k, &svCounts))
    return nullptr;
  long total = 0;
  for (int c = 0; c < k; c++) {
    if (svCounts[c] < 0) return fail(env, "svCounts must not be negative"), nullptr;
    total += svCounts[c];
  }
  if (total > INT32_MAX - 1) return fail(env, "too many support vectors"), nullptr;
  const int l = (int)total;

  Napi::Value svCoefValue = fields.Get("svCoef");
  if (!svCoefValue.IsArray() || svCoefValue.As<Napi::Array>().Length() != (uint32_t)(k - 1))
    return fail(env, "svCoef must be an array of " + std::to_string(k - 1) + " Float64Arrays"), nullptr;
  Napi::Array svCoefRows = svCoefValue.As<Napi::Array>();
  std::vector<Napi::Float64Array> svCoef(k - 1);
  for (int c = 0; c < k - 1; c++) {
    Napi::Value row = svCoefRows.Get((uint32_t)c);
    if (!row.IsTypedArray() || row.As<Napi::TypedArray>().TypedArrayType() != napi_float64_array ||
        row.As<Napi::Float64Array>().ElementLength() != (size_t)l)
      return fail(env, "svCoef rows must be Float64Arrays of " + std::to_string(l) + " coefficients (the sum of svCounts)"), nullptr;
    svCoef[c] = row.As<Napi::Float64Array>();
  }

  Napi::Value svValue = fields.Get("supportVectors");
  if (!svValue.IsObject()) return fail(env, "supportVectors must be an object"), nullptr;
  Napi::Object sv = svValue.As<Napi::Object>();
  if (!readTyped(env, sv, "offsets", napi_int32_array, (size_t)l + 1, &offsets)) return nullptr;
  const int nodeCount = offsets[l];
  if (offsets[0] != 0 || nodeCount < 0) return fail(env, "supportVectors.offsets must start at 0"), nullptr;
  if (!readTyped(env, sv, "indices", napi_int32_array, nodeCount, &indices) ||
      !readTyped(env, sv, "values", napi_float64_array, nodeCount, &values))
    return nullptr;
  for (int s = 0; s < l; s++) {
    if (offsets[s + 1] < offsets[s] || offsets[s + 1] > nodeCount)
      return fail(env, "supportVectors.offsets must not decrease and must end at the node count"), nullptr;
    for (int n = offsets[s]; n < offsets[s + 1]; n++)
      if (indices[n] < 1 || (n > offsets[s] && indices[n] <= indices[n - 1]))
        return fail(env, "support vector " + std::to_string(s) + ": feature indices must be ascending and at least 1"), nullptr;
  }

  svm_model* model = (svm_model*)std::calloc(1, sizeof(svm_model));
  model->param = param;
  model->nr_class = k;
  model->l = l;
  model->free_sv = 1;
  model->rho = (double*)std::malloc(sizeof(double) * rho.ElementLength());
  std::memcpy(model->rho, rho.Data(), sizeof(double) * rho.ElementLength());
  model->label = (int*)std::malloc(sizeof(int) * k);
  std::memcpy(model->label, labels.Data(), sizeof(int) * k);
  model->nSV = (int*)std::malloc(sizeof(int) * k);
  std::memcpy(model->nSV, svCounts.Data(), sizeof(int) * k);
  model->sv_coef = (double**)std::malloc(sizeof(double*) * (k - 1));
  for (int c = 0; c < k - 1; c++) {
    model->sv_coef[c] = (double*)std::malloc(sizeof(double) * (l > 0 ? l : 1));
    if (l > 0) std::memcpy(model->sv_coef[c], svCoef[c].Data(), sizeof(double) * l);
  }
  model->SV = (svm_node**)std::malloc(sizeof(svm_node*) * (l > 0 ? l : 1));
  if (l > 0) {
    svm_node* block = (svm_node*)std::malloc(sizeof(svm_node) * ((size_t)nodeCount + l));
    svm_node* next = block;
    for (int s = 0; s < l; s++) {
      model->SV[s] = next;
      for (int n = offsets[s]; n < offsets[s + 1]; n++, next++) {
        next->index = indices[n];
        next->value = values[n];
      }
      (next++)->index = -1;
    }
  }
  return model;
}

Napi::Value Model::Load(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!info[0].IsObject()) {
    fail(env, "load needs the fields of a model");
    return env.Undefined();
  }
  svm_model* model = BuildModel(env, info[0].As<Napi::Object>());
  if (!model) return env.Undefined();
  return Wrap(env, model, nullptr);
}

Napi::Value LiveModels(const Napi::CallbackInfo& info) { return Napi::Number::New(info.Env(), liveModels.load()); }

Napi::Object Init(Napi::Env env, Napi::Object exports) {
  static std::once_flag quiet;
  std::call_once(quiet, [] { svm_set_print_string_function(&printNothing); });
  Napi::Function model = Model::Define(env);
  // Per environment: each worker thread loads its own instance and frees it with the thread.
  env.SetInstanceData<Napi::FunctionReference>(new Napi::FunctionReference(Napi::Persistent(model)));
  exports.Set("train", Napi::Function::New<Model::Train>(env, "train"));
  exports.Set("load", Napi::Function::New<Model::Load>(env, "load"));
  exports.Set("liveModels", Napi::Function::New<LiveModels>(env, "liveModels"));
  exports.Set("libsvmVersion", Napi::Number::New(env, libsvm_version));
  return exports;
}

}  // namespace

NODE_API_MODULE(NODE_GYP_MODULE_NAME, Init)
