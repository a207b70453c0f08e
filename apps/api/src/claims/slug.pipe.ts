import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { isSlug } from '@parley/domain';
import { ApiProblem } from '../problem/problem';

/** Path ids are slugs; anything else is a bad request, not an unknown thing. */
@Injectable()
export class SlugPipe implements PipeTransform<string, string> {
  transform(value: string, { data }: ArgumentMetadata): string {
    if (!isSlug(value)) {
      throw new ApiProblem(400, 'REQUEST.INVALID', `"${value}" is not a valid ${data ?? 'id'}`, {
        errors: [{ field: data ?? 'id', message: 'must be a slug: lower-case letters, digits and dashes, 2 to 63 characters' }],
      });
    }
    return value;
  }
}
