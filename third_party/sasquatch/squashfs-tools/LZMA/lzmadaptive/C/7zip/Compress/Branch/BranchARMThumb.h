// BranchARMThumb.h

#ifndef __BRANCH_ARM_THUMB_H
#define __BRANCH_ARM_THUMB_H

#include "Common/Types.h"

UInt32 ARMThumb_Convert(Byte *data, UInt32 size, UInt32 nowPos, int encoding);

#endif
