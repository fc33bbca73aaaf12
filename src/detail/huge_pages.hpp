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

namespace excellence::inline v1::detail {

/// Marks the whole 2 MB pages inside [data, data + bytes) for transparent huge pages; call
/// before the buffer is first written. Buffers under 4 MB are left alone.
void advise_huge_pages(const void* data, std::size_t bytes) noexcept;

}  // namespace excellence::inline v1::detail
