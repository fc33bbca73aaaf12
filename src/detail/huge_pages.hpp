// Internal: asking the kernel to back a large buffer with huge pages.
//
// A million-row file is read into about 100 MB of text, columns and results (300 MB for a
// PLS data set). In 4 kB pages that is 25,000 (75,000) page faults, each zeroing a page
// and charging it to the process: on a virtual machine about as long as parsing the
// text. Where transparent huge pages are enabled only on request (the "madvise" setting,
// common on servers and VMs), a buffer so marked before it is first written faults once
// per 2 MB. Elsewhere this does nothing, as does the request itself where the kernel
// refuses it: it is advice, never needed for correctness.
#pragma once

#include <cstddef>
#include <memory>

namespace excellence::inline v1::detail {

/// Marks the whole 2 MB pages inside [data, data + bytes) for transparent huge pages; call
/// before the buffer is first written. Buffers under 4 MB are left alone.
void advise_huge_pages(const void* data, std::size_t bytes) noexcept;

/// Sizes an empty vector or string to n elements, its memory marked (advise_huge_pages)
/// between allocating it and writing the elements.
template <class Container>
void resize_on_huge_pages(Container& c, std::size_t n) {
  c.reserve(n);
  advise_huge_pages(c.data(), n * sizeof(typename Container::value_type));
  c.resize(n);
}

/// n elements of T left uninitialised (their user writes each first), marked for huge pages.
template <class T>
std::shared_ptr<T[]> huge_array(std::size_t n) {
  auto array = std::make_shared_for_overwrite<T[]>(n);
  advise_huge_pages(array.get(), n * sizeof(T));
  return array;
}

}  // namespace excellence::inline v1::detail
